package io.portolan.infrastructure.keycloak;

import jakarta.inject.Inject;
import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * Signs in a decision request whose bearer token {@link VerifiedTokens} already verified, without
 * the round through Jakarta Security's bridge. That bridge looks up MicroProfile JWT's mechanism
 * through a new JNDI context on every request and again for the response: a quarter of the CPU of a
 * decision. The caller gets the same principal (the verified {@code JsonWebToken}) and the same
 * groups, through the same Jakarta Authentication callbacks the bridge uses. Every other request,
 * and every token not remembered, goes through the bridge unchanged.
 */
@WebListener
public class RememberedTokenAuthentication implements ServletContextListener {
  private static final Logger LOG = Logger.getLogger(RememberedTokenAuthentication.class.getName());
  private static final String LAYER = "HttpServlet";
  static final String DECISIONS = "/api/v1/decisions";
  private static final String BEARER = "Bearer ";
  private static final String TOKEN_HEADER = "mp.jwt.token.header";

  /** Marks a request signed in here, so its response skips the bridge as well. */
  private static final String SIGNED_IN =
      RememberedTokenAuthentication.class.getName() + ".signedIn";

  @Inject VerifiedTokens tokens;
  @Inject KeycloakConfig config;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    String appContext = context.getVirtualServerName() + " " + context.getContextPath();
    // MicroProfile JWT may be told to read the token elsewhere (a cookie): then it alone reads it.
    String tokenHeader = config.tokenHeader();
    if (!"Authorization".equalsIgnoreCase(tokenHeader)) {
      LOG.info(
          TOKEN_HEADER
              + " is '"
              + tokenHeader
              + "': decisions sign in through Jakarta Security's bridge");
      return;
    }
    AuthConfigFactory factory = AuthConfigFactory.getFactory();
    AuthConfigProvider bridge =
        factory == null ? null : factory.getConfigProvider(LAYER, appContext, null);
    if (bridge == null) {
      LOG.warning(
          "no Jakarta Authentication provider for '"
              + appContext
              + "': decisions sign in through the bridge");
      return;
    }
    factory.registerConfigProvider(
        new Provider(bridge, tokens::remembered),
        LAYER,
        appContext,
        "Portolan: remembered bearer tokens for decisions, else MicroProfile JWT");
    LOG.info(
        "decisions with a remembered bearer token sign in without Jakarta Security's bridge ('"
            + appContext
            + "')");
  }

  /** The verified result for a decision request's bearer token, or null when there is none. */
  static CredentialValidationResult remembered(HttpServletRequest request, Remembered tokens) {
    String token =
        decisionBearerToken(
            request.getMethod(),
            request.getRequestURI(),
            request.getContextPath(),
            request.getHeader("Authorization"));
    return token == null ? null : tokens.apply(token);
  }

  /** The bearer token of a {@code POST} to the decision API; null for any other request. */
  static String decisionBearerToken(
      String method, String requestUri, String contextPath, String authorization) {
    if (!"POST".equals(method)
        || requestUri == null
        || !requestUri.equals(contextPath + DECISIONS)) {
      return null;
    }
    // Read as MicroProfile JWT reads it, so a token sent otherwise is judged by MicroProfile JWT.
    if (authorization == null
        || !authorization.startsWith(BEARER)
        || authorization.length() == BEARER.length()) {
      return null;
    }
    return authorization.substring(BEARER.length());
  }

  /** What verifying a token gave, while it is remembered; null otherwise. */
  interface Remembered extends Function<String, CredentialValidationResult> {}

  private record Provider(AuthConfigProvider bridge, Remembered tokens)
      implements AuthConfigProvider {
    @Override
    public ServerAuthConfig getServerAuthConfig(
        String layer, String appContext, CallbackHandler handler) throws AuthException {
      return new Config(bridge.getServerAuthConfig(layer, appContext, handler), tokens, handler);
    }

    @Override
    public ClientAuthConfig getClientAuthConfig(
        String layer, String appContext, CallbackHandler handler) throws AuthException {
      return bridge.getClientAuthConfig(layer, appContext, handler);
    }

    @Override
    public void refresh() {
      bridge.refresh();
    }
  }

  private record Config(ServerAuthConfig bridge, Remembered tokens, CallbackHandler handler)
      implements ServerAuthConfig {
    @Override
    public ServerAuthContext getAuthContext(
        String id, Subject service, Map<String, Object> properties) throws AuthException {
      return new Context(bridge.getAuthContext(id, service, properties), tokens, handler);
    }

    @Override
    public String getMessageLayer() {
      return bridge.getMessageLayer();
    }

    @Override
    public String getAppContext() {
      return bridge.getAppContext();
    }

    @Override
    public String getAuthContextID(MessageInfo messageInfo) {
      return bridge.getAuthContextID(messageInfo);
    }

    @Override
    public void refresh() {
      bridge.refresh();
    }

    @Override
    public boolean isProtected() {
      return bridge.isProtected();
    }
  }

  /**
   * Signs a decision request in with its remembered token; hands every other request to the bridge.
   */
  record Context(ServerAuthContext bridge, Remembered tokens, CallbackHandler handler)
      implements ServerAuthContext {
    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service)
        throws AuthException {
      HttpServletRequest request = (HttpServletRequest) message.getRequestMessage();
      CredentialValidationResult known = remembered(request, tokens);
      if (known == null) {
        return bridge.validateRequest(message, client, service);
      }
      try {
        handler.handle(
            new Callback[] {
              new CallerPrincipalCallback(client, known.getCallerPrincipal()),
              new GroupPrincipalCallback(client, known.getCallerGroups().toArray(String[]::new))
            });
      } catch (IOException | UnsupportedCallbackException e) {
        throw (AuthException)
            new AuthException("signing in a remembered token failed").initCause(e);
      }
      request.setAttribute(SIGNED_IN, Boolean.TRUE);
      return AuthStatus.SUCCESS;
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) throws AuthException {
      HttpServletRequest request = (HttpServletRequest) message.getRequestMessage();
      if (request.getAttribute(SIGNED_IN) != null) {
        return AuthStatus.SEND_SUCCESS;
      }
      return bridge.secureResponse(message, service);
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) throws AuthException {
      bridge.cleanSubject(message, subject);
    }
  }
}
