package com.campaignledger.projections.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The campaign_view tables: one JSON document per campaign, with columns to filter, sort and page on. */
@Repository
public class CampaignViewRepository {

    /** The read model's own mapper: what it stores must not depend on the REST API's settings. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final JdbcTemplate jdbc;

    public CampaignViewRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CampaignView> find(long campaignId) {
        return jdbc
                .query(
                        "SELECT document FROM campaign_view WHERE campaign_id = ?",
                        (rs, i) -> read(rs.getString(1)),
                        campaignId)
                .stream()
                .findFirst();
    }

    /** A stored view with the aggregate sequence number of the last event applied to it. */
    record Stored(CampaignView view, long lastSequence) {}

    /** The view and its last applied sequence number, in one read (the projection's per-event lookup). */
    Optional<Stored> findStored(long campaignId) {
        return jdbc
                .query(
                        "SELECT document, last_sequence FROM campaign_view WHERE campaign_id = ?",
                        (rs, i) -> new Stored(read(rs.getString(1)), rs.getLong(2)),
                        campaignId)
                .stream()
                .findFirst();
    }

    public void insert(CampaignView view, long sequence) {
        jdbc.update(
                "INSERT INTO campaign_view (campaign_id, account_id, name, status, created, last_modified, version, "
                        + "last_sequence, deleted, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                view.id(),
                view.accountId(),
                view.settings().name(),
                view.status().name(),
                Timestamp.from(view.created()),
                Timestamp.from(view.lastModified()),
                view.version(),
                sequence,
                view.deleted(),
                write(view));
        writeLabels(view);
    }

    public void update(CampaignView before, CampaignView view, long sequence) {
        jdbc.update(
                "UPDATE campaign_view SET name = ?, status = ?, last_modified = ?, version = ?, last_sequence = ?, "
                        + "deleted = ?, document = ? WHERE campaign_id = ?",
                view.settings().name(),
                view.status().name(),
                Timestamp.from(view.lastModified()),
                view.version(),
                sequence,
                view.deleted(),
                write(view),
                view.id());
        if (!before.settings().labels().equals(view.settings().labels())) {
            jdbc.update("DELETE FROM campaign_view_label WHERE campaign_id = ?", view.id());
            writeLabels(view);
        }
    }

    public CampaignPage list(ListCampaignsQuery q) {
        StringBuilder where = new StringBuilder(" FROM campaign_view v WHERE v.account_id = ? AND v.deleted = FALSE");
        List<Object> args = new ArrayList<>();
        args.add(q.accountId());
        if (q.name() != null && !q.name().isBlank()) {
            where.append(" AND LOWER(v.name) LIKE ? ESCAPE '\\'");
            args.add("%"
                    + q.name()
                            .toLowerCase(Locale.ROOT)
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_") + "%");
        }
        if (q.status() != null) {
            where.append(" AND v.status = ?");
            args.add(q.status().name());
        }
        if (q.label() != null && !q.label().isBlank()) {
            where.append(
                    " AND EXISTS (SELECT 1 FROM campaign_view_label l WHERE l.campaign_id = v.campaign_id AND l.label = ?)");
            args.add(q.label());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args.toArray());
        String order = " ORDER BY v." + q.sort().column + (q.descending() ? " DESC" : " ASC") + ", v.campaign_id"
                + (q.descending() ? " DESC" : " ASC");
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(q.size());
        pageArgs.add((long) q.page() * q.size());
        List<CampaignView> content = jdbc.query(
                "SELECT v.document" + where + order + " LIMIT ? OFFSET ?",
                (rs, i) -> read(rs.getString(1)),
                pageArgs.toArray());
        return new CampaignPage(content, q.page(), q.size(), total == null ? 0 : total);
    }

    /** The ids of the RUNNING campaigns of every account, the most recently changed first. */
    public List<Long> runningCampaignIds(int limit) {
        return jdbc.queryForList(
                "SELECT campaign_id FROM campaign_view WHERE status = 'RUNNING' AND NOT deleted "
                        + "ORDER BY last_modified DESC LIMIT ?",
                Long.class,
                limit);
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM campaign_view_label");
        jdbc.update("DELETE FROM campaign_view");
    }

    private void writeLabels(CampaignView view) {
        for (String label : view.settings().labels().stream().distinct().toList()) {
            jdbc.update("INSERT INTO campaign_view_label (campaign_id, label) VALUES (?, ?)", view.id(), label);
        }
    }

    private static String write(CampaignView view) {
        try {
            return JSON.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write campaign view " + view.id(), e);
        }
    }

    private static CampaignView read(String document) {
        try {
            return JSON.readValue(document, CampaignView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read campaign view", e);
        }
    }
}
