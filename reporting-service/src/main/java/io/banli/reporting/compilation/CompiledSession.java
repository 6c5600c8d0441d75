package io.banli.reporting.compilation;

import java.util.List;

import io.banli.reporting.opendata.OpenSubmission;

/** A session's compilation (汇编): its public items in number order, exactly as the open data shows them. */
public record CompiledSession(long sessionId, String sessionName, Integer year, List<OpenSubmission> items) {

    /** 市六届人大三次会议建议、批评和意见答复汇编, or …提案答复汇编: named after the kinds it holds. */
    public String title() {
        boolean proposals = items.stream().anyMatch(i -> "PROPOSAL".equals(i.kind()));
        boolean suggestions = items.isEmpty() || items.stream().anyMatch(i -> !"PROPOSAL".equals(i.kind()));
        String what = proposals && suggestions ? "建议和提案" : proposals ? "提案" : "建议、批评和意见";
        return sessionName + what + "答复汇编";
    }

    /** 第12号 (the session's number), or the title alone for an item registered without one. */
    public static String heading(OpenSubmission item) {
        return (item.number() == null ? "" : "第" + item.number() + "号　") + item.title();
    }
}
