package nl.notaris.portal.testcycle.b;

/** The other half of a deliberate package cycle, for the architecture rule's own test. */
public class B {
    public nl.notaris.portal.testcycle.a.A a() {
        return new nl.notaris.portal.testcycle.a.A();
    }
}
