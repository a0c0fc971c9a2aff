return Hug.HugApi.Run(args);
