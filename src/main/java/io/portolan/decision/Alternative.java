package io.portolan.decision;

/** A model the team may use instead, with why it qualifies. */
public record Alternative(String model, String vendor, String jurisdiction, String why) {}
