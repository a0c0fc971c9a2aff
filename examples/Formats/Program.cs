using Hug;

return HugApi.Run(args, Library.Configure);
