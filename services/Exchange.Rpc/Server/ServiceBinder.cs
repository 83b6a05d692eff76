using System.Reflection;
using Google.Protobuf.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Exchange.Rpc.Server;

/// <summary>
/// Binds a service class to the methods of a proto service descriptor. For each RPC the class
/// has a public method of the same name:
/// <code>Task&lt;TResponse&gt; Name(TRequest request, CallContext context)</code> for unary RPCs,
/// <code>Task Name(TRequest request, IServerStreamWriter&lt;TResponse&gt; stream, CallContext context)</code>
/// for server streaming. An RPC without a method answers UNIMPLEMENTED; a method of the wrong
/// shape fails at start-up.
/// </summary>
internal static class ServiceBinder
{
    public static IReadOnlyList<ServerMethod> Bind<TService>(ServiceDescriptor service, IServiceProvider services, RpcServerOptions options)
        where TService : class
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger($"Exchange.Rpc.{service.FullName}");
        var factory = ServiceFactory<TService>(services);
        var bound = new List<ServerMethod>();
        foreach (var method in service.Methods)
        {
            var implementation = typeof(TService).GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance);
            if (method.IsClientStreaming)
            {
                bound.Add(new UnimplementedServerMethod(method,
                    $"Method {method.Name} streams requests; this server does not support client or bidirectional streaming", options, logger));
                continue;
            }
            if (implementation is null)
            {
                bound.Add(new UnimplementedServerMethod(method, $"Method {service.FullName}/{method.Name} is not implemented", options, logger));
                continue;
            }
            var requestType = method.InputType.ClrType;
            var responseType = method.OutputType.ClrType;
            var bindMethod = typeof(ServiceBinder).GetMethod(method.IsServerStreaming ? nameof(BindServerStreaming) : nameof(BindUnary), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(typeof(TService), requestType, responseType);
            try
            {
                bound.Add((ServerMethod)bindMethod.Invoke(null, [method, implementation, factory, options, logger])!);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            }
        }
        return bound;
    }

    private static ServerMethod BindUnary<TService, TRequest, TResponse>(MethodDescriptor method, MethodInfo implementation, Func<CallContext, TService> factory, RpcServerOptions options, ILogger logger)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, new()
        where TResponse : class, Google.Protobuf.IMessage<TResponse>, new()
    {
        var handler = CreateDelegate<Func<TService, TRequest, CallContext, Task<TResponse>>>(method, implementation,
            $"Task<{typeof(TResponse).Name}> {method.Name}({typeof(TRequest).Name} request, CallContext context)");
        return new UnaryServerMethod<TService, TRequest, TResponse>(method, factory, handler, options, logger);
    }

    private static ServerMethod BindServerStreaming<TService, TRequest, TResponse>(MethodDescriptor method, MethodInfo implementation, Func<CallContext, TService> factory, RpcServerOptions options, ILogger logger)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, new()
        where TResponse : class, Google.Protobuf.IMessage<TResponse>, new()
    {
        var handler = CreateDelegate<Func<TService, TRequest, IServerStreamWriter<TResponse>, CallContext, Task>>(method, implementation,
            $"Task {method.Name}({typeof(TRequest).Name} request, IServerStreamWriter<{typeof(TResponse).Name}> stream, CallContext context)");
        return new ServerStreamingServerMethod<TService, TRequest, TResponse>(method, factory, handler, options, logger);
    }

    private static TDelegate CreateDelegate<TDelegate>(MethodDescriptor method, MethodInfo implementation, string expected)
        where TDelegate : Delegate
    {
        try
        {
            return implementation.CreateDelegate<TDelegate>();
        }
        catch (ArgumentException)
        {
            throw new InvalidOperationException(
                $"{implementation.DeclaringType?.Name}.{implementation.Name} does not match RPC {method.FullName}; expected: {expected}");
        }
    }

    /// <summary>
    /// How each call gets its service instance: from the call's DI scope when registered, else a
    /// new instance per call. A class whose only constructor takes nothing is made without
    /// touching the request's services, which would create a DI scope for every call.
    /// </summary>
    private static Func<CallContext, TService> ServiceFactory<TService>(IServiceProvider services) where TService : class
    {
        var registered = services.GetService<IServiceProviderIsService>()?.IsService(typeof(TService)) == true;
        if (registered) return static context => context.Services.GetRequiredService<TService>();
        var create = ActivatorUtilities.CreateFactory<TService>([]);
        var needsServices = typeof(TService).GetConstructors().Any(c => c.GetParameters().Length > 0);
        if (!needsServices) return _ => create(services, null);
        return context => create(context.Services, null);
    }
}
