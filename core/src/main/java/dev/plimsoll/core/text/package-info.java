/**
 * Text shown to people, made safe: {@link dev.plimsoll.core.text.Secrets} masks credentials and
 * {@link dev.plimsoll.core.text.TerminalText} escapes control characters. Each rule is written
 * once, here, and every renderer and driver uses it.
 */
package dev.plimsoll.core.text;
