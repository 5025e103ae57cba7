import CSystem
import Glibc

/// Swift traps when an allocation fails, so a batch that runs out of address space half-way
/// (under `ulimit -v`) would crash bench wherever that happens. Before each batch bench makes
/// sure the room it will need exists: it maps that much address space, inaccessible and
/// unreserved (free on a machine without a limit), and releases it at once.
public enum MemoryHeadroom {
    /// Room for a new malloc arena and the runtime's own threads.
    static let base = 96 << 20
    /// Per job: its description, its result, its task or queue entry, and its output's first buffers.
    static let perJob = 16 << 10
    /// Per job running at once: a thread's stack, or a child's pipes and bookkeeping.
    static let perSlot = 256 << 10

    /// Reading a result document takes at most this many times its size: its bytes, the
    /// parsed JSON and the document (6.6 times measured on a document of 400,000 probes).
    public static let perDocumentByte = 8

    /// Throws unless a batch of `jobs` jobs, `slots` at once, has room.
    public static func ensure(jobs: Int, slots: Int) throws(BenchError) {
        let (a, o1) = jobs.multipliedReportingOverflow(by: perJob)
        let (b, o2) = slots.multipliedReportingOverflow(by: perSlot)
        let (needed, o3) = (base + a).addingReportingOverflow(b)
        guard !o1 && !o2 && !o3, available(needed) else {
            throw .resources(
                "not enough memory for a batch of \(jobs) jobs, \(slots) at once: bench needs about \((needed >> 20) + 1) MiB of address space free (ulimit -v); lower -j or the batch, or raise the limit"
            )
        }
    }

    /// Throws unless a result document of `size` bytes, `what`, can be read.
    public static func ensure(documentOf size: Int, _ what: String) throws(BenchError) {
        let (a, o1) = size.multipliedReportingOverflow(by: perDocumentByte)
        let (needed, o2) = base.addingReportingOverflow(a)
        guard !o1 && !o2, available(needed) else {
            throw .resources(
                "not enough memory to read \(what), \((size >> 20) + 1) MiB: bench needs about \((needed >> 20) + 1) MiB of address space free (ulimit -v); raise the limit"
            )
        }
    }

    /// True when `needed` bytes of address space can be had now. Without a limit on address
    /// space (`ulimit -v unlimited`, the usual case) they can, and no mapping is tried: mapping
    /// and unmapping 100 MiB before every batch cost about 4 µs of bench's CPU a run of a 1 ms
    /// command (3,000 runs of `true`: 435 against 424 ms).
    private static func available(_ needed: Int) -> Bool {
        if bench_address_space_unlimited() != 0 { return true }
        guard let room = mmap(nil, needed, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0), room != MAP_FAILED else { return false }
        munmap(room, needed)
        return true
    }
}
