package dev.fracture.io.store;

import java.util.SplittableRandom;

/**
 * The child process of {@link StoreKillTest}: writes runs to the store at the URL given, one after another, and
 * after each {@code done} returns prints {@code committed <id> <sha256>} — the claim the test holds the store to once
 * this process has been killed.
 */
public final class KillWriter {
    private KillWriter() {
    }

    public static void main(String[] args) {
        long seed = Long.parseLong(args[1]);
        SplittableRandom rnd = new SplittableRandom(seed);
        try (Database db = Database.open(args[0])) {
            RunStore runs = new RunStore(db);
            System.out.println("ready");
            System.out.flush();
            for (int i = 0; ; i++) {
                String id = String.format("%08d-0000-0000-0000-%012d", seed % 100_000_000, i);
                runs.submit(id, "kill-" + i, "defi-2025", i, "yaml", "name: kill-" + i, System.currentTimeMillis());
                runs.started(id);
                StringBuilder result = new StringBuilder("{\"i\":").append(i).append(",\"payload\":\"");
                int n = rnd.nextInt(100, 20_000);
                for (int k = 0; k < n; k++) {
                    result.append((char) ('a' + rnd.nextInt(26)));
                }
                String json = result.append("\"}").toString();
                runs.done(id, json, System.currentTimeMillis());
                System.out.println("committed " + id + " " + Sha256.hex(json));
                System.out.flush();
            }
        }
    }
}
