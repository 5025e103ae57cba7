/// The best wall time a machine allows for a batch: its child CPU spread over the usable
/// cores (or the concurrency, if lower), but never less than its longest job, which no
/// schedule can split. A batch's own ideal and a measurement's honest one both come from here.
func idealWall(childCPU: Double, longestJob: Double, cores: Int, concurrency: Int) -> Double {
    max(childCPU / Double(max(1, min(cores, concurrency))), longestJob)
}
