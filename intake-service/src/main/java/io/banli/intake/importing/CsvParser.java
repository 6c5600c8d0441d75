package io.banli.intake.importing;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A small RFC 4180 reader: quoted cells may hold commas, doubled quotes and line breaks. It reads one record at a
 * time from a stream, so a caller can stop after the records it wants without reading the rest of the file.
 */
public final class CsvParser implements Iterator<List<String>> {

    private final Reader in;
    private int peeked = -2;
    private List<String> next;
    private boolean done;

    private CsvParser(Reader in) {
        this.in = in;
    }

    /** The records of a whole text; fine for small files such as the roster. */
    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        stream(new StringReader(text)).forEachRemaining(records::add);
        return records;
    }

    /** The records of a stream, read lazily; a trailing line break ends the last record, not a new one. */
    public static CsvParser stream(Reader in) {
        return new CsvParser(in);
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = read();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public List<String> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<String> record = next;
        next = null;
        return record;
    }

    private List<String> read() {
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int ch = take();
        if (ch < 0) {
            return null;
        }
        for (; ch >= 0; ch = take()) {
            if (quoted) {
                if (ch == '"' && peek() == '"') {
                    cell.append('"');
                    take();
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append((char) ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && peek() == '\n') {
                    take();
                }
                record.add(cell.toString());
                return record;
            } else {
                cell.append((char) ch);
            }
        }
        record.add(cell.toString());
        return record;
    }

    private int take() {
        if (peeked != -2) {
            int ch = peeked;
            peeked = -2;
            return ch;
        }
        return readChar();
    }

    private int peek() {
        if (peeked == -2) {
            peeked = readChar();
        }
        return peeked;
    }

    private int readChar() {
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
