/**
 * Aliases: logical model names a tenant defines ({@code chat-default}, {@code code-cheap}) that a
 * question may ask for instead of a model. The decision policy resolves one, per question, to the
 * first of its ordered candidates (a model, optionally pinned to one of its deployments) that no
 * rule denies. A change is a draft first, previewed against the calls that asked for the alias and
 * per team and data classification, then published.
 */
package io.portolan.alias;
