package com.campaignledger.dialer.leads;

import com.campaignledger.dialer.calllist.CallListRepository;
import com.campaignledger.dialer.calllist.DialerCampaign;
import com.campaignledger.dialer.window.CallingWindow;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dialable list (VICIdial's "hopper") for external dialers: numbers of a RUNNING campaign that are due now (no
 * final result, not scrubbed, retry time reached), inside the campaign's calling window in their own time zone, and
 * leased to nobody; each handed out is leased to the caller until it reports the attempt or the lease ends. The rows
 * are taken with {@code FOR UPDATE SKIP LOCKED}: two claims at once, on one instance or two, never get one number.
 * The simulated dialer takes its numbers here too, so one set of rules decides what may be dialled.
 */
@Component
public class LeadClaims {

    /** How many due numbers are looked at per number asked for: some may be outside their calling window now. */
    private static final int CANDIDATES_PER_LEAD = 4;

    /** A number handed out: its extra data, the attempt its report will be, and when its lease ends. */
    public record Lead(String number, Map<String, String> extraData, int attempt, Instant leaseUntil) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final CallListRepository callList;
    private final CallingWindow window;

    LeadClaims(JdbcTemplate jdbc, TransactionTemplate transactions, CallListRepository callList, CallingWindow window) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.callList = callList;
        this.window = window;
    }

    /**
     * Up to {@code count} due numbers, leased to {@code owner} for {@code lease}; empty when the campaign is not
     * RUNNING (as the dialer's call list knows it) or has none due.
     */
    public List<Lead> claim(long campaignId, int count, Duration lease, String owner, Instant now) {
        Optional<DialerCampaign> campaign = callList.running(campaignId);
        return campaign.isEmpty() ? List.of() : claim(campaign.get(), count, lease, owner, now);
    }

    /** As {@link #claim(long, int, Duration, String, Instant)}, for a campaign the caller has just read as RUNNING. */
    public List<Lead> claim(DialerCampaign campaign, int count, Duration lease, String owner, Instant now) {
        long campaignId = campaign.campaignId();
        Instant until = now.plus(lease);
        return transactions.execute(tx -> {
            List<Lead> leads = new ArrayList<>();
            jdbc.query(
                    "SELECT number, extra_data, attempts FROM dialer_number WHERE campaign_id = ? AND done = FALSE "
                            + "AND (retry_at IS NULL OR retry_at <= ?) AND (lease_until IS NULL OR lease_until <= ?) "
                            + "ORDER BY attempts, number LIMIT ? FOR UPDATE SKIP LOCKED",
                    rs -> {
                        String number = rs.getString(1);
                        if (leads.size() < count
                                && window.allows(number, campaign.restrictBegin(), campaign.restrictEnd(), now)) {
                            leads.add(new Lead(
                                    number, CallListRepository.readMap(rs.getString(2)), rs.getInt(3) + 1, until));
                        }
                    },
                    campaignId,
                    Timestamp.from(now),
                    Timestamp.from(now),
                    count * CANDIDATES_PER_LEAD);
            jdbc.batchUpdate(
                    "UPDATE dialer_number SET lease_owner = ?, lease_until = ? WHERE campaign_id = ? AND number = ?",
                    leads,
                    500,
                    (ps, lead) -> {
                        ps.setString(1, owner);
                        ps.setTimestamp(2, Timestamp.from(until));
                        ps.setLong(3, campaignId);
                        ps.setString(4, lead.number());
                    });
            return leads;
        });
    }

    /** Ends every lease of {@code owner}: a dialer starting again holds none of the calls it had before. */
    public int releaseAll(String owner) {
        return jdbc.update(
                "UPDATE dialer_number SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?", owner);
    }
}
