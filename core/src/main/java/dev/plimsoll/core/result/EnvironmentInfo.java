package dev.plimsoll.core.result;

/** Where a run happened. */
public record EnvironmentInfo(
    String plimsollVersion,
    String javaVersion,
    String javaVendor,
    String jvmName,
    String osName,
    String osVersion,
    String osArch,
    int availableProcessors,
    long maxHeapBytes,
    String hostName) {}
