package dev.plimsoll.scenario.driver;

/**
 * One step of a flow: a think step, which the scenario module runs itself ({@code ThinkStep}), or a
 * step of a driver ({@link DriverStep}: an HTTP request, say).
 */
public interface StepSpec {}
