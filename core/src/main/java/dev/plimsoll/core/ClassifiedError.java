package dev.plimsoll.core;

/**
 * A failure that names its own error class. Plimsoll groups failures by exception type and
 * message, with the message's numbers and ids normalised so that one kind of error is one class;
 * where a number is the kind — an HTTP status, say — the failure says so by returning the class
 * text here, which is then used as is.
 */
public interface ClassifiedError {

  /** The error class's message, the same for every failure of this kind; null to normalise the message. */
  String errorClass();
}
