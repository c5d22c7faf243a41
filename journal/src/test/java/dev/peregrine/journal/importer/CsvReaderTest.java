package dev.peregrine.journal.importer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTest
{
    private static CsvReader reader(final String text)
    {
        return new CsvReader(new StringReader(text), "in.csv");
    }

    @Test
    void recordsKeepQuotedCommasLineBreaksAndQuotesAndEmptyLinesAreEmptyLists() throws IOException
    {
        final CsvReader reader = reader("a,\"b,c\",\"d\"\"e\"\r\n\n\"x\ny\",z");
        assertThat(reader.next()).containsExactly("a", "b,c", "d\"e");
        assertThat(reader.next()).isEmpty();
        assertThat(reader.next()).containsExactly("x\ny", "z");
        assertThat(reader.recordLine()).isEqualTo(3);
        assertThat(reader.next()).isNull();
    }

    @Test
    void aHeaderedFileFindsColumnsByAliasInAnyCaseAndChecksEachRowsWidth() throws IOException
    {
        final CsvReader reader = reader("Price, TIME ,qty\n1.5,1970-01-01T00:00:01Z,2\n\n2.5,2,3,4\n");
        reader.readHeader("timestamp,price,quantity");
        final int time = reader.column(CsvReader.TIME_COLUMN, true);
        assertThat(time).isEqualTo(1);
        assertThat(reader.column(List.of("quantity", "qty"), true)).isEqualTo(2);
        assertThat(reader.column(List.of("side"), false)).isEqualTo(-1);
        assertThat(reader.columnName(time)).isEqualTo("TIME");
        final List<String> row = reader.nextRow();
        assertThat(reader.time(row, time)).isEqualTo(1_000_000_000L);
        assertThatThrownBy(reader::nextRow).isInstanceOf(ImportException.class)
            .hasMessage("in.csv:4: expected 3 fields like the header, found 4");
    }

    @Test
    void aMissingHeaderOrColumnIsNamedWithWhatWasExpected()
    {
        assertThatThrownBy(() -> reader("").readHeader("timestamp,price")).isInstanceOf(ImportException.class)
            .hasMessage("in.csv:1: empty file where the header belongs (expected: timestamp,price)");
        assertThatThrownBy(() -> reader("1,2\n").readHeader("timestamp,price")).isInstanceOf(ImportException.class)
            .hasMessage("in.csv:1: no header line (expected column names timestamp,price before the data)");
        assertThatThrownBy(() ->
        {
            final CsvReader reader = reader("time,price\n");
            reader.readHeader("timestamp,price");
            reader.column(List.of("quantity", "qty"), true);
        }).isInstanceOf(ImportException.class).hasMessageContaining("missing column (header: time,price; expected quantity or qty)");
    }
}
