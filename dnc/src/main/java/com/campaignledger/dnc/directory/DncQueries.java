package com.campaignledger.dnc.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The DNC read model: an account's lists, their numbers, and whether numbers are on any of them. */
@Component
public class DncQueries {

    /** A list as QueryDncLists / GetDncList show it. */
    public record ListView(long id, String name, boolean defaultList, long numbers, Instant created) {}

    /** A number on a list, with who put it there, when, why and from where. */
    public record NumberView(
            long listId,
            String number,
            String reason,
            String source,
            Long campaignId,
            String callId,
            String addedBy,
            Instant addedAt) {}

    public record NumberPage(List<NumberView> content, int page, int size, long totalElements) {}

    private final JdbcTemplate jdbc;

    DncQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<ListView> lists(String accountId) {
        return jdbc.query(
                "SELECT l.list_id, l.name, l.default_list, l.created_at, "
                        + "(SELECT COUNT(*) FROM dnc_number n WHERE n.list_id = l.list_id) AS numbers "
                        + "FROM dnc_list l WHERE l.account_id = ? AND NOT l.deleted ORDER BY l.list_id",
                (rs, n) -> list(rs),
                accountId);
    }

    /** A live list of the account; empty for another account's, a deleted one or none. */
    public Optional<ListView> list(String accountId, long listId) {
        return jdbc
                .query(
                        "SELECT l.list_id, l.name, l.default_list, l.created_at, "
                                + "(SELECT COUNT(*) FROM dnc_number n WHERE n.list_id = l.list_id) AS numbers "
                                + "FROM dnc_list l WHERE l.account_id = ? AND l.list_id = ? AND NOT l.deleted",
                        (rs, n) -> list(rs),
                        accountId,
                        listId)
                .stream()
                .findFirst();
    }

    public Optional<Long> defaultList(String accountId) {
        return jdbc
                .queryForList("SELECT list_id FROM dnc_default_list WHERE account_id = ?", Long.class, accountId)
                .stream()
                .findFirst();
    }

    /** QueryDncNumbers: the account's DNC numbers, by number and list, in list then number order. */
    public NumberPage numbers(String accountId, String number, Long listId, int page, int size) {
        StringBuilder where = new StringBuilder(" FROM dnc_number WHERE account_id = ?");
        List<Object> args = new ArrayList<>(List.of(accountId));
        if (number != null) {
            where.append(" AND number = ?");
            args.add(number);
        }
        if (listId != null) {
            where.append(" AND list_id = ?");
            args.add(listId);
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<NumberView> content = jdbc.query(
                "SELECT list_id, number, reason, source, campaign_id, call_id, actor, added_at" + where
                        + " ORDER BY list_id, number LIMIT ? OFFSET ?",
                (rs, n) -> new NumberView(
                        rs.getLong("list_id"),
                        rs.getString("number"),
                        rs.getString("reason"),
                        rs.getString("source"),
                        (Long) rs.getObject("campaign_id", Long.class),
                        rs.getString("call_id"),
                        rs.getString("actor"),
                        rs.getTimestamp("added_at").toInstant()),
                args.toArray());
        return new NumberPage(content, page, size, total == null ? 0 : total);
    }

    /** Which of these E.164 numbers are on any of the account's lists (scrubLevel 1). */
    public Set<String> onDnc(String accountId, Collection<String> numbers) {
        Set<String> found = new HashSet<>();
        List<String> all = List.copyOf(numbers);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            List<Object> args = new ArrayList<>();
            args.add(accountId);
            args.addAll(chunk);
            found.addAll(jdbc.queryForList(
                    "SELECT DISTINCT number FROM dnc_number WHERE account_id = ? AND number IN ("
                            + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
                    String.class,
                    args.toArray()));
        }
        return found;
    }

    /** Which of these E.164 numbers are on this list. */
    public Set<String> onList(long listId, Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return Set.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(listId);
        args.addAll(numbers);
        return new HashSet<>(jdbc.queryForList(
                "SELECT number FROM dnc_number WHERE list_id = ? AND number IN ("
                        + String.join(", ", java.util.Collections.nCopies(numbers.size(), "?")) + ")",
                String.class,
                args.toArray()));
    }

    public boolean onDnc(String accountId, String number) {
        return !onDnc(accountId, List.of(number)).isEmpty();
    }

    /** Whether the number was on one of the account's lists at {@code at} (and still is): a call made then broke it. */
    public boolean onDncAt(String accountId, String number, Instant at) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT COUNT(*) > 0 FROM dnc_number WHERE account_id = ? AND number = ? AND added_at <= ?",
                Boolean.class,
                accountId,
                number,
                java.sql.Timestamp.from(at)));
    }

    /** A new list id. */
    public long nextListId() {
        return jdbc.queryForObject("SELECT nextval('dnc_list_id_seq')", Long.class);
    }

    private static ListView list(ResultSet rs) throws SQLException {
        return new ListView(
                rs.getLong("list_id"),
                rs.getString("name"),
                rs.getBoolean("default_list"),
                rs.getLong("numbers"),
                rs.getTimestamp("created_at").toInstant());
    }
}
