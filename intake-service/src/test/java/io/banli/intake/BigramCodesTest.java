package io.banli.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The bigram codes every item stores (title and body, for similar items) are computed in one pass since V15. Items
 * stored before keep their codes, so the new function must give V13's codes for every text: both definitions, V13's
 * restated here as temporary functions, over edge cases and random texts of Chinese, Latin letters in both cases,
 * digits, spaces, punctuation of both scripts and characters beyond the Basic Multilingual Plane (hashed).
 */
@QuarkusTest
class BigramCodesTest {

    private static final String OLD = """
            create function pg_temp.old_bigrams(t text) returns text[] language sql immutable as $$
                select coalesce(array_agg(distinct substr(s, i, 2)), '{}')
                from (select regexp_replace(lower(coalesce(t, '')),
                             '[[:space:][:punct:]，。、；：？！“”‘’（）《》【】…—·]', '', 'g') as s) x,
                     generate_series(1, length(s) - 1) as i $$;
            create function pg_temp.old_code(g text) returns int language sql immutable as $$
                select case when ascii(substr(g, 1, 1)) < 65536 and ascii(substr(g, 2, 1)) < 65536
                            then (ascii(substr(g, 1, 1))::bigint * 65536 + ascii(substr(g, 2, 1)) - 2147483648)::int
                            else hashtext(g) end $$;
            create function pg_temp.old_codes(t text) returns int[] language sql immutable as $$
                select coalesce(array_agg(distinct pg_temp.old_code(g) order by pg_temp.old_code(g)), '{}')
                from unnest(pg_temp.old_bigrams(t)) as g $$;
            """;
    private static final String[] PIECES = {"建议", "社区", "养老", "服务", "关于", "的", "老旧小区", "加装电梯", "ABC", "abc",
        "Wi-Fi", "5G", "2025年", " ", "\u3000", "，", "。", "、", "（", "）", "《", "》", "“", "”", "!", "?", "-", "_",
        "\t", "\n", "𠀀", "😀", "𪚥", "ß", "Ǆ", "…", "—", "·"};

    @Inject
    DataSource dataSource;

    @Test
    void everyTextGetsTheCodesOfTheEarlierDefinition() throws Exception {
        List<String> texts = new ArrayList<>(Arrays.asList(null, "", "a", "。", "ab", "AB", "😀", "😀😀", "a😀", "关于",
                "关于的建议", "　 ，。"));
        Random random = new Random(15);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            texts.add(text.toString());
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute(OLD);
            }
            List<String> differing = new ArrayList<>();
            int nonEmpty = 0;
            try (PreparedStatement compare = c.prepareStatement("""
                    select intake_bigram_codes(t) is not distinct from pg_temp.old_codes(t),
                           cardinality(intake_bigram_codes(t)) from unnest(?::text[]) as t""")) {
                compare.setArray(1, c.createArrayOf("text", texts.toArray()));
                try (ResultSet rs = compare.executeQuery()) {
                    for (int i = 0; rs.next(); i++) {
                        if (!rs.getBoolean(1)) {
                            differing.add(texts.get(i));
                        }
                        nonEmpty += rs.getInt(2) > 0 ? 1 : 0;
                    }
                }
            } finally {
                c.rollback();
            }
            assertThat(differing).as("texts whose codes changed").isEmpty();
            assertThat(nonEmpty).as("texts with codes at all").isGreaterThan(1_500);
        }
    }
}
