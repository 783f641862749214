package io.portolan.decision;

/** A condition the gateway must honour when it goes ahead with an allowed call. */
public record Obligation(String code, String message) {}
