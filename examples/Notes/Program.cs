using Hug;

// Set-up in one place, Notes.Configure, which the hug tool also finds (hug -f Notes.cs): the JSON context, the store.
return HugApi.Run(args, Notes.Configure);
