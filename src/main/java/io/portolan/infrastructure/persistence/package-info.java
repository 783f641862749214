/** Database plumbing: the connection pool, Flyway migrations, the row-level-security scope. */
package io.portolan.infrastructure.persistence;
