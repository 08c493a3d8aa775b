package com.campaignledger.dialer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Hands out call ids (CallFire's long call id) from a database sequence shared by every instance. */
@Component
public class CallIds {

    private final JdbcTemplate jdbc;

    public CallIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String next() {
        return String.valueOf(jdbc.queryForObject("SELECT nextval('call_id_seq')", Long.class));
    }
}
