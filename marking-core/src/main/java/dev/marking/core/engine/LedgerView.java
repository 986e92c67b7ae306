package dev.marking.core.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.marking.core.text.Messages;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Copies in the distribution ledger, by document ({@code ledger status}, {@code ledger due}), and their two written
 * forms: the text a person reads (in the request's language) and JSON, each written here only.
 *
 * @param ledger    the ledger's name
 * @param documents the documents shown, in the order first written
 * @param notes     what was wrong with the ledger as read (a torn last line, and whether it was repaired)
 * @param messages  the language of the text form
 */
public record LedgerView(String ledger, List<DocumentRecord> documents, List<String> notes, Messages messages) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public LedgerView {
        documents = List.copyOf(documents);
        notes = List.copyOf(notes);
    }

    /**
     * One document's copies.
     *
     * @param document the document id
     * @param approval the approval in force, if any
     * @param made     copies made (every number taken but the void ones)
     * @param copies   each copy where it stands now (its latest line), in number order of registration
     */
    public record DocumentRecord(String document, Optional<CopyRecord> approval, int made, List<CopyRecord> copies) {

        public DocumentRecord {
            copies = List.copyOf(copies);
        }
    }

    /** Every copy shown. */
    public List<CopyRecord> copies() {
        return documents.stream().flatMap(d -> d.copies().stream()).toList();
    }

    /** A document line, then one line per copy: number, state, recipient, file, who and when. */
    public void writeText(PrintWriter out) {
        if (documents.isEmpty()) {
            out.println(messages.format("ledger.view-empty", ledger));
        }
        for (DocumentRecord d : documents) {
            String approval = d.approval().map(a -> messages.format("ledger.view-approved", a.approved(), a.by(), a.time()))
                    .orElse(messages.format("ledger.view-unapproved"));
            out.println(messages.format("ledger.view-document", d.document(), approval, d.made()));
            for (CopyRecord c : d.copies()) {
                StringBuilder line = new StringBuilder("  ").append(messages.format("ledger.copy-label", c.copy()))
                        .append("  ").append(stateWord(messages, c.state()));
                if (c.recipient() != null) {
                    line.append("  ").append(messages.format("ledger.view-recipient", c.recipient()));
                }
                if (c.file() != null) {
                    line.append("  ").append(c.file());
                }
                if (c.by() != null) {
                    line.append("  ").append(messages.format("ledger.view-by", c.by()));
                }
                if (c.witness() != null) {
                    line.append("  ").append(messages.format("ledger.view-witness", c.witness()));
                }
                line.append("  ").append(c.time());
                out.println(line);
            }
        }
    }

    /** The JSON form: the ledger, and per document its approval, copies made and copies. */
    public String json() {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (DocumentRecord d : documents) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("document", d.document());
            m.put("approved", d.approval().map(CopyRecord::approved).orElse(null));
            m.put("approvedBy", d.approval().map(CopyRecord::by).orElse(null));
            m.put("made", d.made());
            m.put("copies", d.copies().stream().map(LedgerView::copy).toList());
            docs.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "marking");
        root.put("ledger", ledger);
        root.put("documents", docs);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> copy(CopyRecord c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("copy", c.copy());
        m.put("state", c.state());
        m.put("recipient", c.recipient());
        m.put("file", c.file());
        m.put("time", c.time());
        m.put("by", c.by());
        m.put("witness", c.witness());
        m.put("note", c.note());
        return m;
    }

    /** One step of a copy's life: when, the step, to whom, by whom and seen by whom. */
    static String historyLine(Messages messages, CopyRecord c) {
        StringBuilder line = new StringBuilder(c.time()).append("  ").append(stateWord(messages, c.state()));
        if (c.recipient() != null && c.state().equals("issued")) {
            line.append("  ").append(messages.format("ledger.view-recipient", c.recipient()));
        }
        if (c.by() != null) {
            line.append("  ").append(messages.format("ledger.view-by", c.by()));
        }
        if (c.witness() != null) {
            line.append("  ").append(messages.format("ledger.view-witness", c.witness()));
        }
        if (c.note() != null) {
            line.append("  (").append(c.note()).append(')');
        }
        return line.toString();
    }

    /** The word for a state id in {@code messages}' language ({@code 已销毁}, {@code destroyed}). */
    static String stateWord(Messages messages, String state) {
        String key = "ledger.state." + state;
        return messages.has(key) ? messages.format(key) : state;
    }
}
