return Hug.HugApi.Run(args, Accounts.Configure);
