package com.campaignledger.notifications.postback;

import com.campaignledger.notifications.api.PostbackKind;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The legacy_postback table. */
@Repository
public class PostbackRepository {

    private static final String COLUMNS = "id, account_id, kind, campaign_id, post_url, active, created, last_modified";
    private static final RowMapper<Postback> ROW = (rs, i) -> new Postback(
            rs.getLong(1),
            rs.getString(2),
            PostbackKind.valueOf(rs.getString(3)),
            rs.getLong(4),
            rs.getString(5),
            rs.getBoolean(6),
            rs.getTimestamp(7).toInstant(),
            rs.getTimestamp(8).toInstant());

    private final JdbcTemplate jdbc;

    public PostbackRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Postback> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM legacy_postback WHERE id = ?", ROW, id).stream()
                .findFirst();
    }

    /** The row of this account, kind and campaign, locked for the change about to be made. */
    Optional<Postback> findForUpdate(String accountId, PostbackKind kind, long campaignId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS
                                + " FROM legacy_postback WHERE account_id = ? AND kind = ? AND campaign_id = ? "
                                + "FOR UPDATE",
                        ROW,
                        accountId,
                        kind.name(),
                        campaignId)
                .stream()
                .findFirst();
    }

    List<Postback> active(String accountId) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM legacy_postback WHERE account_id = ? AND active = TRUE "
                        + "ORDER BY kind, campaign_id",
                ROW,
                accountId);
    }

    /** Inserts the row unless a concurrent request inserted it first; false then. */
    boolean insert(Postback p) {
        return jdbc.update(
                        "INSERT INTO legacy_postback (" + COLUMNS + ") VALUES (nextval('legacy_postback_id_seq'), "
                                + "?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        p.accountId(),
                        p.kind().name(),
                        p.campaignId(),
                        p.postUrl(),
                        p.active(),
                        Timestamp.from(p.created()),
                        Timestamp.from(p.lastModified()))
                == 1;
    }

    void update(Postback p) {
        jdbc.update(
                "UPDATE legacy_postback SET post_url = ?, active = ?, last_modified = ? WHERE id = ?",
                p.postUrl(),
                p.active(),
                Timestamp.from(p.lastModified()),
                p.id());
    }
}
