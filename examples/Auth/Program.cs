using Hug;

return HugApi.Run(args, Accounts.Configure);
