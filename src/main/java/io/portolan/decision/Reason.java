package io.portolan.decision;

/** Why a decision denied: a stable machine code, a sentence for people, and the rule. */
public record Reason(String code, String message, String rule) {}
