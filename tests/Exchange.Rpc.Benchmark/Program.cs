Console.WriteLine("benchmark: not written yet");
