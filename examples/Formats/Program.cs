using Hug;

return HugApi.Run(args);
