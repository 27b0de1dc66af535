package jp.azukari.scanner.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Gives each subcommand the environment through its constructor; everything else picocli makes as
 * usual.
 */
final class CommandFactory implements CommandLine.IFactory {

    private final Environment environment;

    CommandFactory(Environment environment) {
        this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            Constructor<K> constructor = type.getDeclaredConstructor(Environment.class);
            constructor.setAccessible(true);
            return constructor.newInstance(environment);
        } catch (NoSuchMethodException noEnvironment) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
