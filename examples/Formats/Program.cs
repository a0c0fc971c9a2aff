using Hug;

// The library's own types through their generated JSON metadata (Hug adds its own behind them).
return HugApi.Run(args, api => api.Options.Json.TypeInfoResolver = LibraryJson.Default);
