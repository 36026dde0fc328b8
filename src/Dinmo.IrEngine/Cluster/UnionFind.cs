using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Dinmo.IrEngine.Cluster;

/// <summary>
/// Disjoint sets over record ids, as parent pointers that only ever point to a smaller id. The root
/// of every component is therefore its smallest record id — which, since ids follow record-key
/// order, is the cluster's smallest record key — whatever order the links arrive in and however
/// many threads applied them. Unions use Rem's algorithm with splicing (walk both paths at once,
/// always advancing the side with the larger parent, re-pointing it to the smaller parent as it
/// goes), the fastest sequential union-find in published comparisons; finds use path halving.
/// Owned by the clustering stage.
/// </summary>
internal sealed class UnionFind
{
    /// <summary>Edges looked ahead for prefetching the parents of their ends.</summary>
    private const int PrefetchDistance = 16;

    /// <summary>Below this many edges a parallel union is not worth starting threads for.</summary>
    private const int ParallelMinEdges = 1 << 20;

    private readonly int[] _parent;

    public UnionFind(int count)
    {
        _parent = new int[count];
        for (var i = 0; i < count; i++) _parent[i] = i;
    }

    public int Count => _parent.Length;

    public int Find(int x)
    {
        var parent = _parent;
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /// <summary>Joins the sets of a and b; returns false when they were already one.</summary>
    public bool Union(int a, int b)
    {
        var parent = _parent;
        while (true)
        {
            int pa = parent[a], pb = parent[b];
            if (pa == pb) return false;
            if (pa < pb) (a, b, pa, pb) = (b, a, pb, pa); // a: the side whose parent is larger
            parent[a] = pb;                              // link (a is a root) or splice; pb < pa ≤ a
            if (a == pa) return true;
            a = pa;
        }
    }

    /// <summary>
    /// Joins the ends of every edge. Edge order does not matter, and neither does
    /// <paramref name="threads"/>: the components and their roots come out the same.
    /// </summary>
    public void UnionAll(ReadOnlySpan<int> left, ReadOnlySpan<int> right, int threads = 1)
    {
        if (left.Length != right.Length) throw new ArgumentException("left and right must have the same length", nameof(right));
        if (threads > 1 && left.Length >= ParallelMinEdges)
            UnionAllParallel(left, right, threads);
        else
            UnionRange(left, right);
    }

    /// <summary>
    /// Points every id straight at its root, so <see cref="Find"/> is one read afterwards. One
    /// ascending pass: a parent is smaller than its child, so it is already final when the child
    /// is reached.
    /// </summary>
    public void Flatten()
    {
        var parent = _parent;
        for (var x = 0; x < parent.Length; x++) parent[x] = parent[parent[x]];
    }

    /// <summary>Sequential unions, with the parents of the edge a few ahead prefetched.</summary>
    private unsafe void UnionRange(ReadOnlySpan<int> left, ReadOnlySpan<int> right)
    {
        fixed (int* parent = _parent)
        {
            var n = left.Length;
            for (var i = 0; i < n; i++)
            {
                if (i + PrefetchDistance < n) Prefetch(parent, left[i + PrefetchDistance], right[i + PrefetchDistance]);
                Union(left[i], right[i]);
            }
        }
    }

    /// <summary>
    /// Lock-free unions from several threads: a root is linked, and a path spliced, only by a
    /// compare-and-swap of the parent it was read with, so no link is lost and every parent still
    /// points to a smaller id. Each union ends when both ends share a parent; a splice by another
    /// thread can separate them for a moment only while that thread's own union is still running,
    /// and it reconnects them before it ends, so once every thread is done the components are those
    /// of the sequential run, with the same smallest-id roots.
    /// </summary>
    private unsafe void UnionAllParallel(ReadOnlySpan<int> left, ReadOnlySpan<int> right, int threads)
    {
        var n = left.Length;
        var chunk = (n + threads - 1) / threads;
        fixed (int* parentPointer = _parent, leftPointer = left, rightPointer = right)
        {
            // Parallel.For returns only when every worker is done, so the pins outlive the workers.
            nint parentAt = (nint)parentPointer, leftAt = (nint)leftPointer, rightAt = (nint)rightPointer;
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                int* parent = (int*)parentAt, l = (int*)leftAt, r = (int*)rightAt;
                var end = Math.Min(n, (t + 1) * chunk);
                for (var i = t * chunk; i < end; i++)
                {
                    if (i + PrefetchDistance < end) Prefetch(parent, l[i + PrefetchDistance], r[i + PrefetchDistance]);
                    UnionConcurrent(_parent, l[i], r[i]);
                }
            });
        }
    }

    /// <summary>Asks for the parents of an edge's ends ahead of use (the reads are random in a large array).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch(int* parent, int a, int b)
    {
        if (!Sse.IsSupported) return;
        Sse.Prefetch0(parent + a);
        Sse.Prefetch0(parent + b);
    }

    private static void UnionConcurrent(int[] parent, int a, int b)
    {
        while (true)
        {
            int pa = Volatile.Read(ref parent[a]), pb = Volatile.Read(ref parent[b]);
            if (pa == pb) return;
            if (pa < pb) (a, b, pa, pb) = (b, a, pb, pa);
            var seen = Interlocked.CompareExchange(ref parent[a], pb, pa);
            if (seen != pa) continue;   // another thread moved a: read again
            if (a == pa) return;        // a was a root: linked
            a = pa;                     // spliced: go on from a's old parent
        }
    }
}
