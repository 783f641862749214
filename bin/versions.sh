# Pinned versions of every tool the project runs. Change them here only.
OPA_VERSION=v1.22.2
KEYCLOAK_VERSION=26.7.3
POSTGRES_VERSION=18.6.0
PAYARA_VERSION=6.2025.10
TOXIPROXY_VERSION=v2.12.0  # bin/faults.sh only

# Keycloak needs Java 21+; Portolan and the build use the default Java 17.
if [[ -z ${KEYCLOAK_JAVA_HOME:-} ]]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/java-2[1-9]*; do
    if [[ -x $candidate/bin/java ]]; then KEYCLOAK_JAVA_HOME=$candidate; break; fi
  done
fi
KEYCLOAK_JAVA_HOME="${KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
