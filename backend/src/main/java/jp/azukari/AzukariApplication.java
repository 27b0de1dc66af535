package jp.azukari;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AzukariApplication {

    public static void main(String[] args) {
        SpringApplication.run(AzukariApplication.class, args);
    }
}
