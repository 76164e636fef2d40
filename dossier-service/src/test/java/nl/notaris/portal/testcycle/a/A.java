package nl.notaris.portal.testcycle.a;

/** Half of a deliberate package cycle, for the architecture rule's own test. */
public class A {
    public nl.notaris.portal.testcycle.b.B b() {
        return new nl.notaris.portal.testcycle.b.B();
    }
}
