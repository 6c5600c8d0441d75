package io.banli.assignment.assignment;

/** 办理方式. */
public enum HandlingMode {
    /** 单办: one unit handles and replies. */
    SOLE,
    /** 主办+会办: the lead unit writes the single reply, co-units send it their opinions. */
    JOINT,
    /** 分办: several units, each replies separately. */
    SPLIT
}
