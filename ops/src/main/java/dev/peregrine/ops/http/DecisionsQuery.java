package dev.peregrine.ops.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.journal.DecisionJournalReader;
import dev.peregrine.ops.decisions.DecisionFormat;
import dev.peregrine.ops.logging.JsonOutput;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * {@code GET /admin/decisions?limit=N&strategy=NAME&rejected=true}: the newest decisions of the running
 * engine, read from its decision journal on the HTTP thread (a read-only tailer; the core never sees it).
 * Reading scans the journal from its start: fine for an operator's question, not for polling a huge one.
 */
record DecisionsQuery(int limit, String strategy, boolean rejectedOnly)
{
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;

    /** @throws IllegalArgumentException naming the parameter and what it accepts. */
    static DecisionsQuery parse(final String rawQuery)
    {
        final Map<String, String> parameters = QueryParameters.checked(rawQuery, Map.of(
            "limit", value -> QueryParameters.limit(value, MAX_LIMIT),
            "strategy", value -> { },
            "rejected", value ->
            {
                if (!"true".equals(value) && !"false".equals(value))
                {
                    throw new IllegalArgumentException("rejected must be true or false, got '" + value + "'");
                }
            }), "limit, strategy, rejected");
        return new DecisionsQuery(QueryParameters.limitOr(parameters, DEFAULT_LIMIT, MAX_LIMIT), parameters.get("strategy"),
            Boolean.parseBoolean(parameters.get("rejected")));
    }

    /**
     * The newest {@code limit} matching decisions, oldest first, as one JSON object.
     *
     * @throws JournalException when the decision journal cannot be read.
     */
    String run(final Path journalDir, final DecisionFormat format)
    {
        final Deque<String> newest = new ArrayDeque<>(Math.min(limit, 1024));
        long read = 0;
        long matched = 0;
        if (DecisionJournalReader.exists(journalDir))
        {
            try (DecisionJournalReader reader = DecisionJournalReader.open(journalDir))
            {
                final DecisionRecord record = new DecisionRecord();
                while (reader.next(record))
                {
                    read++;
                    if ((strategy == null || format.strategyName(record.strategyId()).equals(strategy)) &&
                        (!rejectedOnly || !record.accepted()))
                    {
                        matched++;
                        if (newest.size() == limit)
                        {
                            newest.removeFirst();
                        }
                        newest.addLast(format.json(record));
                    }
                }
            }
        }
        // Each decision is already a JSON object (the decision format's own line), so it goes in as it is.
        final ObjectNode json = JsonOutput.object().put("read", read).put("matched", matched);
        final ArrayNode decisions = json.putArray("decisions");
        for (final String decision : newest)
        {
            decisions.addRawValue(new RawValue(decision));
        }
        return JsonOutput.compact(json);
    }
}
