import Glibc

/// Starting an OS thread that may fail: under a memory or thread limit `pthread_create` says
/// EAGAIN, and bench reports that as an error instead of aborting (Foundation's `Thread` traps).
public enum OSThread {
    /// Starts `body` on a new detached thread with a stack of `stackSize` bytes; the error is
    /// the reason when the thread cannot be created.
    public static func start(stackSize: Int = 256 * 1024, _ body: @escaping @Sendable () -> Void) -> Result<Void, SpawnError> {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let box = Unmanaged.passRetained(Body(body))
        var thread = pthread_t()
        let rc = pthread_create(
            &thread, &attributes,
            { context in
                let body = Unmanaged<Body>.fromOpaque(context!).takeRetainedValue()
                body.run()
                return nil
            }, box.toOpaque())
        guard rc == 0 else {
            box.release()
            return .failure(.system(call: "pthread_create", errno: rc))
        }
        return .success(())
    }

    private final class Body: Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}
