# Pinned versions of every tool the project runs. Change them here only.
OPA_VERSION=v1.22.2
KEYCLOAK_VERSION=26.7.3
POSTGRES_VERSION=18.6.0
PAYARA_VERSION=6.2025.10
# Keycloak needs Java 21+; the server and the build use the default Java 17.
KEYCLOAK_JAVA_HOME="${KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
