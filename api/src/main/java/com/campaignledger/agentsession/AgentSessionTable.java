package com.campaignledger.agentsession;

import com.campaignledger.projections.agentsession.AgentSessionStatistics;

import java.util.List;

/** An answer made of Agent Session Statistics rows: JSON as itself, {@code text/csv} as its rows (seed 003's columns). */
public interface AgentSessionTable {

    List<AgentSessionStatistics> rows();
}
