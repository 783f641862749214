# Runtime image for Portolan on Payara Micro.
# Build the WAR first, on the host:  make build   (produces target/portolan.war)
# The image only packages that WAR; it does not run Maven.
FROM payara/micro:6.2025.10-jdk17

COPY --chown=payara:payara target/portolan.war /opt/payara/deployments/portolan.war
# Listener settings: TRACE and bodies on GET/DELETE reach the application, which refuses or ignores them;
# the HTTP port opens only once the application is deployed (postdeploy.asadmin), so a client is
# refused a connection while the server starts rather than answered with Payara's error pages.
COPY --chown=payara:payara deploy/payara/preboot.asadmin /opt/payara/preboot.asadmin
COPY --chown=payara:payara deploy/payara/postdeploy.asadmin /opt/payara/postdeploy.asadmin

# The image's entrypoint runs the Payara Micro jar; these are its arguments.
# Served at "/" so URLs match `make run`; a single instance needs no Hazelcast clustering.
CMD ["--deploy", "/opt/payara/deployments/portolan.war", "--contextroot", "/", "--nohazelcast", "--nocluster", \
     "--prebootcommandfile", "/opt/payara/preboot.asadmin", "--postdeploycommandfile", "/opt/payara/postdeploy.asadmin"]

EXPOSE 8080
