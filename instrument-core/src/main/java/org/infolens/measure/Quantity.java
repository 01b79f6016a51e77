package org.infolens.measure;

/**
 * What an output value estimates, where figures and reports need to know it: the information plane
 * puts I(X;T) against I(T;Y), and H(T) is drawn once when it equals I(X;T).
 */
public enum Quantity {
    H_T("H(T)"), I_XT("I(X;T)"), I_TY("I(T;Y)");

    private final String display;

    Quantity(String display) {
        this.display = display;
    }

    /** "I(X;T)". */
    public String display() {
        return display;
    }
}
