package io.portolan.infrastructure.web;

/** The shapes of identifiers, shared by validation messages and checks. */
public final class Slugs {
  /** Item ids such as {@code deepseek-v3} or {@code llama-3.3-70b}. */
  public static final String ID = "^[a-z0-9][a-z0-9._-]{0,62}$";

  public static final String ID_MESSAGE =
      "must be 1-63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit";

  /** Region codes such as {@code eu}, {@code us} or {@code apac}. */
  public static final String REGION = "^[a-z][a-z0-9-]{1,31}$";

  public static final String REGION_MESSAGE =
      "must be a lower-case region code such as eu, us or apac";

  private Slugs() {}
}
