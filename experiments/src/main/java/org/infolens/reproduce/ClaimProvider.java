package org.infolens.reproduce;

import java.util.List;

/**
 * Claims for {@code ./infolens reproduce}: name an implementation in
 * {@code META-INF/services/org.infolens.reproduce.ClaimProvider} of a jar on the class path
 * ({@code INFOLENS_CLASSPATH}) and its claims join the bundled ones ({@link BundledClaims}).
 */
public interface ClaimProvider {

    List<Claim> claims();
}
