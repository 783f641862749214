package io.portolan.infrastructure.web;

import java.util.List;

/** One page of a list: {@code page} counts from 0, {@code size} is at most 500. */
public record PageView<T>(List<T> items, long total, int page, int size) {}
