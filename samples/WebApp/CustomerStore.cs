using System.Collections.Concurrent;

namespace WebApp;

/// <summary>An in-memory store of customers, seeded with Ktor's example customer.</summary>
public sealed class CustomerStore
{
    private readonly ConcurrentDictionary<int, Customer> _customers = new()
    {
        [1] = new Customer(1, "Jet", "Brains"),
    };

    /// <summary>Adds or replaces a customer.</summary>
    public void Add(Customer customer) => _customers[customer.Id] = customer;

    /// <summary>Finds a customer by id.</summary>
    public Customer? Find(int id) => _customers.GetValueOrDefault(id);
}
