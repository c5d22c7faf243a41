package dev.peregrine.core.risk;

/**
 * One pre-trade rule. Runs on the core thread for every order before it leaves; returns
 * {@link RejectReason#NONE} to let the order pass, or the reason it may not. Checks read the request
 * and the context and change nothing: the chain records what must be remembered (rates) only once
 * every check has passed.
 */
public interface RiskCheck
{
    RejectReason check(OrderRequest order, RiskContext context);

    /** A short name for listings: the class name without "Check", in kebab case (MaxPositionCheck: max-position). */
    default String name()
    {
        final String simple = getClass().getSimpleName().replaceFirst("Check$", "");
        return simple.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
