package org.infolens.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Every claim {@code ./infolens reproduce} knows: those of each {@link ClaimProvider} registered in
 * {@code META-INF/services/org.infolens.reproduce.ClaimProvider}, the bundled ones first. Ids are
 * unique, and so are the names of the runs (two claims that name a run the same must mean the same
 * run: they then share it).
 */
public final class ClaimRegistry {

    private ClaimRegistry() {
    }

    /** Every registered claim, by id, in registration order; an error naming a clash. */
    public static Map<String, Claim> all() {
        Map<String, Claim> claims = new LinkedHashMap<>();
        Map<String, RunSpec> runs = new LinkedHashMap<>();
        for (ClaimProvider p : ServiceLoader.load(ClaimProvider.class)) {
            for (Claim c : p.claims()) {
                if (claims.putIfAbsent(c.id(), c) != null) {
                    throw new IllegalStateException("two claims have the id '" + c.id() + "' (the second from " + p.getClass().getName() + ")");
                }
                for (RunSpec r : c.runs().values()) {
                    RunSpec before = runs.putIfAbsent(r.name(), r);
                    if (before != null && !before.equals(r)) {
                        throw new IllegalStateException("claim '" + c.id() + "' names a run '" + r.name() + "' that another claim defines"
                                + " differently: " + before + " vs " + r);
                    }
                }
            }
        }
        return claims;
    }

    /** The claims called {@code ids} (all of them when empty); an unknown id is an error listing the known ones. */
    public static List<Claim> select(List<String> ids) {
        Map<String, Claim> all = all();
        if (ids.isEmpty()) {
            return List.copyOf(all.values());
        }
        List<Claim> chosen = new ArrayList<>();
        for (String id : ids) {
            Claim c = all.get(id);
            if (c == null) {
                throw new IllegalArgumentException("unknown claim '" + id + "'; known: " + String.join(", ", all.keySet()));
            }
            if (!chosen.contains(c)) {
                chosen.add(c);
            }
        }
        return chosen;
    }
}
