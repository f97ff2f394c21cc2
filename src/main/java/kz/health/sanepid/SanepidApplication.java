package kz.health.sanepid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SanepidApplication {
    public static void main(String[] args) {
        SpringApplication.run(SanepidApplication.class, args);
    }
}
