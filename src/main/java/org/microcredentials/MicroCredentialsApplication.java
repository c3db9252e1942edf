package org.microcredentials;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MicroCredentialsApplication {

  public static void main(String[] args) {
    SpringApplication.run(MicroCredentialsApplication.class, args);
  }

  /** The time every rule reads (monthly cap, validity); tests replace it to move through months. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
