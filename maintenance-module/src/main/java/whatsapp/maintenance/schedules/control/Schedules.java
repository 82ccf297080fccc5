package whatsapp.maintenance.schedules.control;

import jakarta.ejb.ScheduleExpression;
import java.util.Optional;

/**
 * Reads a schedule from configuration: {@code off}, or calendar fields separated by {@code ;} as in
 * {@code minute=0;hour=*} or {@code minute=*&#47;5;hour=*}. Unnamed fields run at every value, except
 * {@code second} and {@code minute}, which default to 0 (so "hour=*" means hourly, not every second).
 */
public final class Schedules {

    private Schedules() {
    }

    /** @throws IllegalArgumentException for anything else: a typo must not silently switch a timer off */
    public static Optional<ScheduleExpression> parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("a schedule or 'off' is required");
        if (text.trim().equalsIgnoreCase("off")) return Optional.empty();
        var at = new ScheduleExpression().second("0").minute("0").hour("*").dayOfMonth("*").month("*").dayOfWeek("*");
        for (var field : text.split(";")) {
            var pair = field.split("=", 2);
            if (pair.length != 2 || pair[1].isBlank()) throw new IllegalArgumentException("not a field=value pair: " + field);
            var value = pair[1].trim();
            switch (pair[0].trim()) {
                case "second" -> at.second(value);
                case "minute" -> at.minute(value);
                case "hour" -> at.hour(value);
                case "dayOfMonth" -> at.dayOfMonth(value);
                case "month" -> at.month(value);
                case "dayOfWeek" -> at.dayOfWeek(value);
                case "year" -> at.year(value);
                default -> throw new IllegalArgumentException("unknown schedule field: " + pair[0].trim());
            }
        }
        return Optional.of(at);
    }
}
