/** Serves the web UI built from {@code ui/}: its login settings and the single-page fallback. */
package io.portolan.ui;
